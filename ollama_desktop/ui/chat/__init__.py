"""The chat column: the view that renders a streaming answer (markdown, code, reasoning, folds,
scrolling), the prompt box, the chat settings, and the lines about the answer in flight."""
