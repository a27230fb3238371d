package dev.idic.stages.synth;

/** Whether the interactions input is written (transactions never depend on it). */
public enum InteractionsOutput {
  INCLUDED,
  OMITTED
}
