"""``python -m dossier.spark extract INPUT... --out DIR``."""

from dossier.spark.job import main

if __name__ == "__main__":
    main()
