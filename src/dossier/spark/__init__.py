"""The Spark job (optional extra ``dossier[spark]``): extraction per partition over many input files.

See :mod:`dossier.spark.job`. ``python -m dossier.spark extract INPUT... --out DIR`` runs it;
so does ``dossier spark extract`` and ``spark-submit .../dossier/spark/job.py extract ...``.
"""

from dossier.spark.job import expand_inputs, extract_partition, run

__all__ = ["expand_inputs", "extract_partition", "run"]
