package cn.zhongchuang.tenant;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.FieldErrorException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding 8 of issue 13: a row limit refused early, shared strings kept on disk, .xls and
 * encrypted workbooks refused by their bytes, temporary files owner-only, deleted and
 * swept.
 */
@IntegrationTest
class ImportHardeningTests {

	@Autowired
	FilingImports imports;

	@Autowired
	FilingImportFixtures fixtures;

	@Autowired
	FilingImportJobs jobs;

	@Autowired
	TaxFilingImporter importer;

	@Autowired
	ImportTempFiles tempFiles;

	@TempDir
	Path dir;

	@Test
	void aFileBeyondTheRowLimitIsRefusedWithoutReadingTheRestAndWritesNothing() throws IOException {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		List<String> lines = new ArrayList<>(List.of(TaxFilingImportTests.HEADER));
		for (int m = 1; m <= 6; m++) {
			lines.add(a + ",2025-0" + m + ",是,10");
		}
		Path file = this.dir.resolve("many.csv");
		Files.write(file, lines, StandardCharsets.UTF_8);
		Object limit = ReflectionTestUtils.getField(this.importer, "maxRows");
		assertThat(limit).as("the default of issue 13").isEqualTo(1_100_000);
		ReflectionTestUtils.setField(this.importer, "maxRows", 5);
		try {
			FilingImportJob job = this.imports.importNow(op.account().principal(), "many.csv", file);
			assertThat(job.status()).isEqualTo("REJECTED");
			assertThat(job.message()).contains("超过 5 行的上限");
			assertThat(this.fixtures.filings(List.of(a))).isZero();
		}
		finally {
			ReflectionTestUtils.setField(this.importer, "maxRows", limit);
		}
	}

	@Test
	void anXlsOrAnEncryptedWorkbookNamedXlsxIsRefusedByItsBytesInChinese() throws Exception {
		var op = this.fixtures.operator("110105");
		Path xls = this.dir.resolve("old.xlsx");
		try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
			wb.createSheet("纳税申报").createRow(0).createCell(0).setCellValue("统一社会信用代码");
			wb.write(out);
		}
		assertThatThrownBy(() -> this.imports.importNow(op.account().principal(), "old.xlsx", xls))
			.isInstanceOf(FieldErrorException.class)
			.hasMessageContaining("Excel 97-2003");

		Path plain = this.dir.resolve("plain.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
			wb.createSheet("纳税申报").createRow(0).createCell(0).setCellValue("统一社会信用代码");
			wb.write(out);
		}
		Path encrypted = this.dir.resolve("secret.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
			encryptor.confirmPassword("密码123");
			try (OutputStream data = encryptor.getDataStream(fs)) {
				Files.copy(plain, data);
			}
			try (OutputStream out = Files.newOutputStream(encrypted)) {
				fs.writeFilesystem(out);
			}
		}
		assertThatThrownBy(() -> this.imports.importNow(op.account().principal(), "secret.xlsx", encrypted))
			.isInstanceOf(FieldErrorException.class)
			.hasMessageContaining("已加密");
		try (var left = Files.list(this.tempFiles.dir())) {
			assertThat(left.filter((f) -> f.getFileName().toString().startsWith("upload-")).toList())
				.as("refused uploads are deleted at once")
				.isEmpty();
		}
	}

	@Test
	void sharedStringsAreReadFromAFileOnDiskThatIsDeletedAfterwards() throws Exception {
		Path book = this.dir.resolve("strings.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(book)) {
			var row = wb.createSheet("s").createRow(0);
			row.createCell(0).setCellValue("统一社会信用代码");
			XSSFRichTextString rich = new XSSFRichTextString("加粗和普通");
			XSSFFont bold = wb.createFont();
			bold.setBold(true);
			rich.applyFont(0, 2, bold);
			row.createCell(1).setCellValue(rich);
			row.createCell(2).setCellValue("");
			row.createCell(3).setCellValue("最后一个 & <特殊>");
			wb.write(out);
		}
		try (OPCPackage pkg = OPCPackage.open(book.toFile(), PackageAccess.READ);
				DiskSharedStrings strings = DiskSharedStrings.of(pkg, this.tempFiles)) {
			assertThat(strings.getCount()).isEqualTo(4);
			assertThat(strings.getItemAt(0).getString()).isEqualTo("统一社会信用代码");
			assertThat(strings.getItemAt(1).getString()).isEqualTo("加粗和普通");
			assertThat(strings.getItemAt(2).getString()).isEmpty();
			assertThat(strings.getItemAt(3).getString()).isEqualTo("最后一个 & <特殊>");
			try (var files = Files.list(this.tempFiles.dir())) {
				List<Path> backing = files.filter((f) -> f.getFileName().toString().startsWith("strings-")).toList();
				assertThat(backing).isNotEmpty();
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backing.get(0))))
					.isEqualTo("rw-------");
			}
		}
		try (var files = Files.list(this.tempFiles.dir())) {
			assertThat(files.filter((f) -> f.getFileName().toString().startsWith("strings-")).toList()).isEmpty();
		}
	}

	@Test
	void temporaryFilesAreOwnerOnlyAndWhatAKilledRunLeftIsSweptAtStart() throws Exception {
		Path importDir = this.dir.resolve("imports");
		ImportTempFiles first = new ImportTempFiles(importDir.toString());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(importDir))).isEqualTo("rwx------");
		Path leftOver = first.create("upload-");
		Files.writeString(leftOver, "7.6 MB of someone's tax filings");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(leftOver))).isEqualTo("rw-------");
		Files.setLastModifiedTime(leftOver, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
		Path running = first.create("upload-");

		new ImportTempFiles(importDir.toString());

		assertThat(leftOver).as("left by a killed run: swept").doesNotExist();
		assertThat(running).as("a fresh upload of a running import stays").exists();
	}

}
