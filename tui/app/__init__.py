"""The Textual application: start-up (the store opens after the first paint), launch from the CLI,
the theme and the app-wide stylesheet.
"""
