"""The arrows run one way: bot.py -> handlers -> messenger -> mina_bot -> storage."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "mina_bot": {"telegram", "handlers", "messenger", "bot", "demo", "sandbox"},
    "storage": {"telegram", "handlers", "messenger", "mina_bot", "bot", "demo", "sandbox"},
    "sandbox": {"handlers", "mina_bot", "storage", "bot", "telegram"},
    "handlers": {"storage", "aiohttp", "httpx"},
    "messenger": {"handlers", "storage", "bot", "demo", "sandbox"},
    "cli": {"telegram", "handlers", "messenger", "bot", "demo", "sandbox"},
}
# What only the transport package (messenger/) may build on: PTB's request, update processor,
# persistence, bot and keyboard classes.
TRANSPORT_BASES = {"BaseRequest", "BaseUpdateProcessor", "BasePersistence", "Bot", "ExtBot",
                   "InlineKeyboardMarkup", "CallbackContext", "BaseHandler"}
TRANSPORT_MODULES = {"telegram.request", "telegram.ext._utils", "telegram._utils"}


def imported_packages(path: Path) -> set[str]:
    """Top-level names a module imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def imported_modules(path: Path) -> set[str]:
    """Full module names a file imports from (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_it(package):
    offending = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offending.items() if v} == {}


def test_nothing_imports_python_telegram_bots_private_modules():
    """PTB's public API only: its `_utils` modules may change in any release."""
    found = {str(path.relative_to(ROOT)): sorted(n for n in imported_modules(path) if "._" in n)
             for package in ("handlers", "messenger", "bot.py", "demo", "bench")
             for path in ((ROOT / package).rglob("*.py") if (ROOT / package).is_dir()
                          else [ROOT / package])}
    assert {k: v for k, v in found.items() if any(n.startswith("telegram") for n in v)} == {}


def test_handlers_hold_features_only_no_transport_code():
    """Requests, update processing, persistence, bots, keyboards and the context live in
    messenger/; handlers/ subclass none of PTB's machinery and import none of its internals."""
    found = {}
    for path in (ROOT / "handlers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if bases & TRANSPORT_BASES:
                    found[f"{path.name}:{node.name}"] = sorted(bases & TRANSPORT_BASES)
            elif isinstance(node, ast.ImportFrom) and node.module and any(
                    node.module == m or node.module.startswith(m + ".")
                    for m in TRANSPORT_MODULES):
                found[f"{path.name}:{node.lineno}"] = node.module
    assert found == {}


def test_every_source_file_stays_small_enough_to_read_in_one_sitting():
    too_long = {
        str(path.relative_to(ROOT)): n
        for package in ("mina_bot", "handlers", "messenger", "cli", "storage", "sandbox", "demo",
                        "bench")
        for path in (ROOT / package).rglob("*.py")
        if "versions" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > 350
    }
    assert too_long == {}


def _opens_a_session(expr: ast.expr) -> bool:
    """`runtime.session()`, `Session(engine)`, `self._session()` and the like."""
    if not isinstance(expr, ast.Call):
        return False
    func = expr.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name.lower().lstrip("_").endswith("session")


def _awaits_within(statements: list[ast.stmt]) -> list[int]:
    """Lines of await / async for / async with in `statements`, nested functions aside."""
    found: list[int] = []
    pending: list[ast.AST] = list(statements)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue  # runs when called, not while the session is open
        if isinstance(node, ast.Await | ast.AsyncFor | ast.AsyncWith):
            found.append(node.lineno)
        pending.extend(ast.iter_child_nodes(node))
    return found


def test_nothing_is_awaited_while_a_database_session_is_open():
    # Updates run concurrently: a transaction held across an await would keep SQLite's write
    # lock while other updates' writes wait (busy_timeout) on the same event loop thread.
    paths = [ROOT / "bot.py", *(ROOT / "handlers").rglob("*.py"),
             *(ROOT / "messenger").rglob("*.py"), *(ROOT / "mina_bot").rglob("*.py")]
    offending = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.With | ast.AsyncWith) and any(
                    _opens_a_session(item.context_expr) for item in node.items):
                for line in _awaits_within(node.body):
                    offending[f"{path.relative_to(ROOT)}:{line}"] = node.lineno
    assert offending == {}


def test_the_core_packages_import_each_other_one_way_only():
    """No two packages of mina_bot import each other (minutes and resolutions once did)."""
    core = ROOT / "mina_bot"
    uses: dict[str, set[str]] = {}
    for path in core.rglob("*.py"):
        package = path.relative_to(core).parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mina_bot."):
                other = node.module.split(".")[1]
                if other != package:
                    uses.setdefault(package, set()).add(other)
    both_ways = sorted({tuple(sorted((a, b))) for a, used in uses.items() for b in used
                        if a in uses.get(b, set())})
    assert both_ways == []
