package io.auglove.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonScriptTest {

  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path work;

  @Test
  void aMissingModuleIsTheUsersToInstallBeforeAnythingIsTimed() {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), "needs " + PYTHON);
    PythonScript script = new PythonScript(PYTHON, work);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> script.requireModules("json", "auglove_no_such_module"));

    assertTrue(
        e.getMessage().contains("cannot import json, auglove_no_such_module"), e.getMessage());
    assertTrue(e.getMessage().contains("No module named 'auglove_no_such_module'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("apt-get install -y python3-json python3-auglove_no_such_module"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void modulesThatImportPass() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), "needs " + PYTHON);
    new PythonScript(PYTHON, work).requireModules("json", "argparse");
  }

  @Test
  void anInterpreterThatCannotStartIsNamed() {
    String missing = work.resolve("no-python").toString();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PythonScript(missing, work).requireModules("json"));
    assertTrue(e.getMessage().startsWith("cannot start --python=" + missing), e.getMessage());
  }
}
