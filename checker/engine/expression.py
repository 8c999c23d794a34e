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
    """An expression that failed while it ran (a missing value, a wrong type): no finding."""


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _number_only(name: str, apply: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def safe(a: Any, b: Any) -> Any:
        if not all(isinstance(x, int | float) and not isinstance(x, bool) for x in (a, b)):
            raise ExpressionError(f"{name} needs two numbers")
        return apply(a, b)

    return safe


OPERATORS: dict[type, Any] = {
    ast.Add: simpleeval.safe_add,
    ast.Sub: op.sub,
    ast.Mult: simpleeval.safe_mult,
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


def evaluate(tree: ast.expr, source: str, names: Mapping[str, Any]) -> Any:
    """Run a checked expression over frozen data; an ExpressionError when it fails."""
    evaluator = simpleeval.EvalWithCompoundTypes(operators=OPERATORS, names=dict(names))
    evaluator.functions = dict(functions.FUNCTIONS)
    try:
        return evaluator.eval(source, previously_parsed=tree)
    except ExpressionError:
        raise
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
