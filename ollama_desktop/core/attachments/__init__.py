"""Files attached to a question: their kinds and limits, their text, what goes to the model."""
