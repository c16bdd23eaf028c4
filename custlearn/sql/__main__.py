"""``python -m custlearn.sql warehouse --orders N --out DIR``: write a large company (``make warehouse``)."""

from custlearn.sql._warehouse import main

if __name__ == "__main__":
    raise SystemExit(main())
