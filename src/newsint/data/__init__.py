"""Files shipped with newsint (the synthetic demo sample)."""
