"""Comments: the immutable model, the form and submission pipeline, the public list and the widget."""
