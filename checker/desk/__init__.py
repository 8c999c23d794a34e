"""The desk: a local web page where an editor checks a draft, and the HTTP API it uses."""
