// One handler for refused or failed htmx actions: the server's message (a fragment with
// data-htmx-error, sent with 403/409/400) is shown in place, above the page, and nothing
// else on the page changes. A server error or a lost connection gets a general message.
(function () {
  function box() {
    return document.getElementById("htmx-messages");
  }
  function show(html) {
    var target = box();
    if (!target) return;
    target.insertAdjacentHTML("afterbegin", html);
    target.scrollIntoView({ block: "nearest" });
  }
  function general(text) {
    var div = document.createElement("div");
    div.className = "alert alert-danger mb-2";
    div.setAttribute("role", "alert");
    div.setAttribute("data-htmx-error", "");
    div.textContent = text;
    var target = box();
    if (target) target.prepend(div);
  }
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var body = xhr.responseText || "";
    if (body.indexOf("data-htmx-error") !== -1) {
      show(body);
    } else {
      general(box() ? box().dataset.serverError : "");
    }
  });
  document.addEventListener("htmx:sendError", function () {
    general(box() ? box().dataset.offline : "");
  });
})();
