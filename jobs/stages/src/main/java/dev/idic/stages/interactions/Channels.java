package dev.idic.stages.interactions;

import java.util.List;

/** The interaction channels of the input contract, in the order their columns appear. */
final class Channels {

  static final List<String> ALL =
      List.of("face_to_face", "phone", "email", "letter", "web", "chat", "event", "other");

  private Channels() {}
}
