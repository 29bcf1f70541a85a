"""Excel workbooks: the reviewer workbook, `perflint export` and `perflint import`."""
