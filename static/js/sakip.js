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

// The draft editor never loses text: each form[data-autosave] saves itself (htmx, debounced,
// and when the person leaves the field); while it holds typing not yet saved it carries the
// class is-dirty, and leaving the page then asks first.
(function () {
  function form(event) {
    var elt = event.target;
    return elt && elt.closest ? elt.closest("form[data-autosave]") : null;
  }
  document.addEventListener("input", function (event) {
    var f = form(event);
    if (!f) return;
    f.dataset.edits = String(Number(f.dataset.edits || 0) + 1);
    f.classList.add("is-dirty");
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var f = form(event);
    if (f) f.dataset.sent = f.dataset.edits || "0";
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var f = event.target.closest ? event.target.closest("form[data-autosave]") : null;
    if (!f) return;
    var state = f.querySelector(".save-state");
    var saved = state && state.dataset.saved === "true";
    if (saved && (f.dataset.sent || "0") === (f.dataset.edits || "0")) {
      f.classList.remove("is-dirty");
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (document.querySelector("form[data-autosave].is-dirty")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
