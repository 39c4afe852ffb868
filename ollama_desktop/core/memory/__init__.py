"""What sits in memory (no Qt): where a loaded model sits (GPU, split, CPU), how long it stays
(keep_alive), freeing it and proving it, and why an answer failed as /api/ps tells it."""
