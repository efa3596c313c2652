/// How log lines are written: `key=value` text for people, one JSON object per line for machines.
public enum LogFormat: String, Sendable, CaseIterable { case text, json }
