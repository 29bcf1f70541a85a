"""Declarations as forms: the printed layout of each era, shared by the HTML form view, the workbook, export and import."""
