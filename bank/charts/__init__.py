"""Server-drawn, accessible SVG charts (pure functions returning SVG text)."""
