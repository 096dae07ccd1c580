"""The Danish repair: letters an OCR that did not know Danish damaged, restored where the document's own
evidence says so (repairer.py is the engine, repair.py the stage entry)."""
