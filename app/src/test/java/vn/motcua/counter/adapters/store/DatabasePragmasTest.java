package vn.motcua.counter.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision 1201: freed content is zeroed and temporary sorts never reach a plain file. */
class DatabasePragmasTest {

    @TempDir
    Path folder;

    @Test
    void secureDeleteAndMemoryTempStoreAreOnTheConnection() {
        try (Database db = Database.open(folder.resolve("motcua.db"))) {
            Integer secureDelete = db.read(c -> Rows.first(c, "PRAGMA secure_delete", rs -> rs.getInt(1))
                    .orElseThrow());
            Integer tempStore = db.read(c -> Rows.first(c, "PRAGMA temp_store", rs -> rs.getInt(1)).orElseThrow());
            assertThat(secureDelete).isEqualTo(1);
            assertThat(tempStore).isEqualTo(2);   // 2 = MEMORY
        }
    }
}
