"""relj: a desktop journal of personal relationships that tells written contact from real contact."""

__version__ = "0.1.0"
APP_ID = "org.relj.Relj"
