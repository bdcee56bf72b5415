"""The public Python API is what ``saydo.__all__`` says, and every name in it exists."""

import saydo


def test_api_all_names_exist():
    for name in saydo.__all__:
        assert hasattr(saydo, name), name


def test_api_errors_have_unique_codes():
    from saydo import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.SaydoError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), codes
    assert all(code.startswith("SD") and len(code) == 5 for code in codes)
