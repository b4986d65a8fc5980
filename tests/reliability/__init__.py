import pytest

# The permission matrix's effect checks assert outside a test_ module: have
# pytest explain their failures as it does in the tests themselves.
pytest.register_assert_rewrite("tests.reliability.permission_world")
