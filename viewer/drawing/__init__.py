"""Reading the schematic's SVG views into plain shapes. Nothing in this package imports Qt."""
