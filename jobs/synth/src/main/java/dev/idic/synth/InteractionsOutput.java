package dev.idic.synth;

/** Whether the interactions input is written (transactions never depend on it). */
public enum InteractionsOutput {
  INCLUDED,
  OMITTED
}
