"""The expression language of `check: expression` rules: checked with `ast`, run by simpleeval."""

from __future__ import annotations

import ast
import difflib
import operator as op
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

import simpleeval

from checker.engine import functions
from checker.models import Claim

MAX_LENGTH = 1000
MAX_ITEMS = 10_000  # elements a list or tuple may hold, nested ones counted
MAX_CHARACTERS = 100_000  # characters a string may hold
MAX_BITS = 4096  # a number beyond this has no business in a press release
FIELDS = frozenset(Claim.model_fields) | {"order"}  # a claim's fields, and a reading's

_ALLOWED = (
    ast.Expression,
    ast.Load,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.UAdd,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.FloorDiv,
    ast.Mod,
    ast.Compare,
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.In,
    ast.NotIn,
    ast.Is,
    ast.IsNot,
    ast.IfExp,
    ast.Tuple,
    ast.List,
    ast.Subscript,
    ast.Slice,
)
_REFUSED: dict[type, str] = {
    ast.Lambda: "lambda is not allowed",
    ast.ListComp: "comprehensions are not supported",
    ast.SetComp: "comprehensions are not supported",
    ast.DictComp: "comprehensions are not supported",
    ast.GeneratorExp: "comprehensions are not supported",
    ast.NamedExpr: "assignment is not allowed",
    ast.Pow: "the operator ** is not supported",
    ast.JoinedStr: "f-strings are not supported",
    ast.Starred: "* unpacking is not supported",
    ast.Dict: "dict literals are not supported",
    ast.Set: "set literals are not supported",
}
for _bitwise in (
    ast.LShift,
    ast.RShift,
    ast.BitOr,
    ast.BitAnd,
    ast.BitXor,
    ast.Invert,
    ast.MatMult,
):
    _REFUSED[_bitwise] = "bitwise operators are not supported"


class ExpressionError(Exception):
    """An expression that failed while it ran: the rule is wrong, and says so."""


class RuleFailure(Exception):
    """A rule that failed on a document (an expression that fails, a run past its budget): the
    engine reports it as a `rule-error` finding at the claim it was judging."""

    def __init__(self, problem: str, start: int = 0, end: int = 0) -> None:
        super().__init__(problem)
        self.problem, self.start, self.end = problem, start, end


class MissingValue(ExpressionError):
    """An expression that needed a value the claim does not have (None, a reading it lacks):
    the rule does not apply to that claim, and gives no finding."""


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _number_only(name: str, apply: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def safe(a: Any, b: Any) -> Any:
        if a is None or b is None:
            raise MissingValue(f"{name} of a missing value")
        if not all(isinstance(x, int | float) and not isinstance(x, bool) for x in (a, b)):
            raise ExpressionError(f"{name} needs two numbers")
        return _bounded(apply(a, b))

    return safe


def size(value: Any, seen: dict[int, int] | None = None) -> int:
    """How many elements a value holds, nested ones counted each time they appear (a list of
    one list repeated 99,999 times holds 99,999 times that list)."""
    if not isinstance(value, list | tuple):
        return 1
    seen = {} if seen is None else seen
    if id(value) not in seen:
        seen[id(value)] = len(value) + sum(
            size(v, seen) for v in value if isinstance(v, list | tuple)
        )
    return seen[id(value)]


def _bounded(value: Any) -> Any:
    """The value, or an ExpressionError when it is larger than a rule may build."""
    if isinstance(value, str) and len(value) > MAX_CHARACTERS:
        raise ExpressionError(f"a string longer than {MAX_CHARACTERS:,} characters")
    if isinstance(value, int) and value.bit_length() > MAX_BITS:
        raise ExpressionError(f"a number larger than {MAX_BITS} bits")
    if isinstance(value, list | tuple) and size(value) > MAX_ITEMS:
        raise ExpressionError(f"a list of more than {MAX_ITEMS:,} items")
    return value


def _measure(value: Any) -> int:
    """What a value weighs for a bound: its characters, its nested items, its bits."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list | tuple):
        return size(value)
    return 1


def _add(a: Any, b: Any) -> Any:
    if a is None or b is None:
        raise MissingValue("+ of a missing value")
    if isinstance(a, str | list | tuple) and _measure(a) + _measure(b) > MAX_ITEMS * 10:
        raise ExpressionError("joining those would build too large a value")
    return _bounded(a + b)


def _multiply(a: Any, b: Any) -> Any:
    if a is None or b is None:
        raise MissingValue("* of a missing value")
    if isinstance(a, int) and isinstance(b, int) and a.bit_length() + b.bit_length() > MAX_BITS:
        raise ExpressionError(f"a number larger than {MAX_BITS} bits")
    for sequence, count in ((a, b), (b, a)):
        repeated = isinstance(sequence, str | list | tuple) and isinstance(count, int)
        if repeated and count > 0 and _measure(sequence) * count > MAX_CHARACTERS:
            raise ExpressionError("repeating that would build too large a value")
    return _bounded(a * b)


OPERATORS: dict[type, Any] = {
    ast.Add: _add,
    ast.Sub: _number_only("-", op.sub),
    ast.Mult: _multiply,
    ast.Div: _number_only("/", op.truediv),
    ast.FloorDiv: _number_only("//", op.floordiv),
    ast.Mod: _number_only("%", op.mod),
    ast.Eq: op.eq,
    ast.NotEq: op.ne,
    ast.Gt: op.gt,
    ast.Lt: op.lt,
    ast.GtE: op.ge,
    ast.LtE: op.le,
    ast.Not: op.not_,
    ast.USub: op.neg,
    ast.UAdd: op.pos,
    ast.In: lambda x, y: op.contains(y, x),
    ast.NotIn: lambda x, y: not op.contains(y, x),
    ast.Is: lambda x, y: x is y,
    ast.IsNot: lambda x, y: x is not y,
}


def check(source: str, names: Iterable[str]) -> ast.expr:
    """The parsed expression; a ValueError saying what is wrong when it is not allowed."""
    allowed = frozenset(names)
    if len(source) > MAX_LENGTH:
        raise ValueError(f"expression is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"expression {source!r} is not valid: {exc.msg}") from None
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        _check_node(node, allowed, id(node) in called)
    return tree.body


def _check_node(node: ast.AST, names: frozenset[str], called: bool) -> None:
    if type(node) in _REFUSED:
        raise ValueError(_REFUSED[type(node)])
    if isinstance(node, ast.Name):
        if node.id.startswith("_"):
            raise ValueError(f"name '{node.id}' is not allowed")
        if called and node.id not in functions.FUNCTIONS:
            raise ValueError(
                f"unknown function '{node.id}'{_suggest(node.id, functions.FUNCTIONS)}"
            )
        if not called and node.id not in names:
            raise ValueError(f"unknown name '{node.id}'{_suggest(node.id, names)}")
    elif isinstance(node, ast.Attribute):
        if node.attr.startswith("_"):
            raise ValueError(f"attribute '{node.attr}' is not allowed")
        if node.attr not in FIELDS:
            raise ValueError(f"unknown field '{node.attr}'{_suggest(node.attr, FIELDS)}")
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            raise ValueError("only the listed functions may be called")
        if node.keywords:
            raise ValueError(f"'{node.func.id}' takes no keyword arguments")
    elif isinstance(node, ast.Constant):
        if not isinstance(node.value, int | float | str | bool | None) or isinstance(
            node.value, complex
        ):
            raise ValueError(f"constant {node.value!r} is not supported")
    elif not isinstance(node, _ALLOWED):
        raise ValueError(f"{type(node).__name__} is not supported")


def _guarded(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A registered function that says a missing argument is missing, and bounds its result."""

    def call(*args: Any) -> Any:
        if any(a is None for a in args):
            raise MissingValue(f"{name}() of a missing value")
        for arg in args:
            _bounded(arg)
        return _bounded(function(*args))

    return call


GUARDED = {name: _guarded(name, function) for name, function in functions.FUNCTIONS.items()}


class _Evaluator(simpleeval.EvalWithCompoundTypes):  # type: ignore[misc]
    """simpleeval with every list and tuple literal bounded."""

    def _eval_list(self, node: ast.List) -> Any:
        return _bounded(super()._eval_list(node))

    def _eval_tuple(self, node: ast.Tuple) -> Any:
        return _bounded(super()._eval_tuple(node))


def evaluator() -> simpleeval.EvalWithCompoundTypes:
    """An evaluator with our operators and functions, made once and reused with new names."""
    made = _Evaluator(operators=OPERATORS, names={})
    made.functions = dict(GUARDED)
    return made


_SHARED = evaluator()


def evaluate(
    tree: ast.expr,
    source: str,
    names: Mapping[str, Any],
    runner: simpleeval.EvalWithCompoundTypes | None = None,
) -> Any:
    """Run a checked expression over frozen data. A MissingValue when it needed a value that is
    not there (None, a reading the claim lacks); an ExpressionError when it fails otherwise."""
    runner = runner or _SHARED
    runner.names = names
    try:
        return runner.eval(source, previously_parsed=tree)
    except ExpressionError:
        raise
    except (IndexError, KeyError) as exc:
        raise MissingValue(f"{type(exc).__name__}: {exc}") from None
    except TypeError as exc:
        if "NoneType" in str(exc):
            raise MissingValue(f"TypeError: {exc}") from None
        raise ExpressionError(f"TypeError: {exc}") from None
    except Exception as exc:
        raise ExpressionError(f"{type(exc).__name__}: {exc}") from None


def freeze(value: Any) -> Any:
    """Claim data as read-only mappings and tuples of primitive values."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def claim_data(claim: Claim) -> Mapping[str, Any]:
    """A claim as frozen data: dates as ISO strings (`2012-07`), readings as {order, date}."""
    data = claim.model_dump(mode="json")
    data["date"] = claim.date.iso() if claim.date else None
    data["readings"] = [{"order": r.order, "date": r.date.iso()} for r in claim.readings]
    return freeze(data)  # type: ignore[no-any-return]
