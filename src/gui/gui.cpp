// placeholder translation unit until the GUI lands
