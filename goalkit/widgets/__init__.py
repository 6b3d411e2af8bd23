"""ipywidgets views. They only bind: state lives in the goalkit model, logic in pure modules."""
