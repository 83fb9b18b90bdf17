"""Measuring an extraction engine against hand-checked answers (`habeas eval`).

Plain Python, no Django: the scoring follows the rules of the contract's
shared scorer (shared/eval/README.md) so that a group's own figures and the
project's published ones mean the same thing.
"""
