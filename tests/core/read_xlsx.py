#!/usr/bin/env python3
"""Reads an .xlsx written by Corrige with openpyxl (an independent reader) and prints what the tests check, as JSON."""
import json
import sys

import openpyxl


def main(path):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    grades = formulas.worksheets[0]
    stats = formulas.worksheets[1]
    out = {
        "sheets": formulas.sheetnames,
        "freeze": grades.freeze_panes,
        "rows": [[cell.value for cell in row] for row in grades.iter_rows()],
        "types": [[cell.data_type for cell in row] for row in grades.iter_rows()],
        "formats": [[cell.number_format for cell in row] for row in grades.iter_rows()],
        "stats": [[cell.value for cell in row] for row in stats.iter_rows()],
        "statValues": [[round(c.value, 5) if isinstance(c.value, float) else c.value for c in row]
                       for row in values.worksheets[1].iter_rows()],
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
