"""Training-time helpers for the screening classifiers (data loading, evaluation protocol, fitting,
calibration). Nothing here is imported at inference time; scikit-learn may be used here only.
"""
