"""Sites and their articles, and the article page a reader sees."""
