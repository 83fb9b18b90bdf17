"""Support given to detained persons, alerts about them, and the notifications they send."""
