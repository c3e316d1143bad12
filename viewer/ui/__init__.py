"""Qt widgets of the atlas. Everything here listens to a ``Selection``; nothing sets another
widget's state directly."""
