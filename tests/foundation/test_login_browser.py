import pytest

pytestmark = pytest.mark.browser


def test_the_camat_signs_in_and_sees_her_name(login_as):
    page = login_as("camat")
    assert "ILDA SUBUL HURIATI" in page.content()
