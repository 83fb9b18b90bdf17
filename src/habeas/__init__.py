"""habeas: turn reports of detentions into sourced, reviewable case files."""

__version__ = "0.1.0"
