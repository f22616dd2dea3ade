"""Facts about HTML shared by the modules that scan rendered pages."""

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements that never have an end tag, so a scanner must not wait for one."""
