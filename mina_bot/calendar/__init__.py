"""The secretariat's changes to the council's calendar, told to every member."""
