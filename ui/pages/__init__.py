"""One page per step of the editor, parallel to matrices/: general, problem, strategy, actors, instruments, review."""
