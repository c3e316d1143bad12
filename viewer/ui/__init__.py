"""Qt widgets of the atlas. Everything here listens to the one AppState; nothing sets another
widget's state directly."""
