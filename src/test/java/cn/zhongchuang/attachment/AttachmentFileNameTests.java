package cn.zhongchuang.attachment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploaded names become harmless display names; download names follow RFC 6266. */
class AttachmentFileNameTests {

	@Test
	void pathTraversalInEitherConventionLeavesOnlyTheLastSegment() {
		assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitize("..\\..\\win.ini")).isEqualTo("win.ini");
		assertThat(FileNames.sanitize("C:\\Users\\张三\\Desktop\\营业执照.pdf")).isEqualTo("营业执照.pdf");
		assertThat(FileNames.sanitize("/var/www/../..")).isEqualTo(FileNames.UNNAMED);
		assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.UNNAMED);
	}

	@Test
	void dotsControlAndInvisibleCharactersAreRemovedAndChineseKept() {
		assertThat(FileNames.sanitize("..hidden..report.pdf")).isEqualTo("hidden.report.pdf");
		assertThat(FileNames.sanitize("申报\u0000书\r\n.pdf")).isEqualTo("申报书.pdf");
		// U+202E RIGHT-TO-LEFT OVERRIDE would display "invoice‮fdp.exe" as
		// "invoiceexe.pdf"
		assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.sanitize("a<b>c:d\"e|f?g*.docx")).isEqualTo("a_b_c_d_e_f_g_.docx");
		assertThat(FileNames.sanitize("  2026年度 众创空间  备案表.xlsx  ")).isEqualTo("2026年度 众创空间 备案表.xlsx");
		assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.UNNAMED);
		assertThat(FileNames.sanitize("\u0007\u0008")).isEqualTo(FileNames.UNNAMED);
	}

	@Test
	void aLongNameIsCutToOneHundredCharactersKeepingTheExtension() {
		String name = FileNames.sanitize("众".repeat(300) + ".pdf");

		assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
		assertThat(name).endsWith("众.pdf");
		String emoji = FileNames.sanitize("😀".repeat(150) + ".png");
		assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(FileNames.MAX_LENGTH);
		assertThat(emoji).endsWith("😀.png");
	}

	@Test
	void aChineseNameGoesInFilenameStarWithAnAsciiFallback() {
		assertThat(FileNames.contentDisposition(false, "营业执照.pdf", 12, FileType.PDF))
			.isEqualTo("attachment; filename=\"attachment-12.pdf\"; "
					+ "filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf");
		assertThat(FileNames.contentDisposition(true, "2026年 site photo (1).jpg", 7, FileType.JPEG))
			.isEqualTo("inline; filename=\"2026_ site photo (1).jpg\"; "
					+ "filename*=UTF-8''2026%E5%B9%B4%20site%20photo%20%281%29.jpg");
	}

	@Test
	void quotesBackslashesAndPercentSignsCannotBreakOutOfTheFallback() {
		assertThat(FileNames.asciiFallback("a\"b\\c%41.pdf", 3, FileType.PDF)).isEqualTo("a_b_c_41.pdf");
		assertThat(FileNames.percentEncode("a\"b;c'd")).isEqualTo("a%22b%3Bc%27d");
	}

	@Test
	void theDownloadNameCarriesTheExtensionOfWhatTheBytesAre() {
		assertThat(FileNames.downloadName(ref("page.html", FileType.PNG))).isEqualTo("page.html.png");
		assertThat(FileNames.downloadName(ref("现场.JPEG", FileType.JPEG))).isEqualTo("现场.JPEG");
		assertThat(FileNames.downloadName(ref("报告.pdf", FileType.PDF))).isEqualTo("报告.pdf");
		assertThat(FileNames.downloadName(ref("报告", FileType.DOCX))).isEqualTo("报告.docx");
	}

	private static AttachmentRef ref(String name, FileType type) {
		return new AttachmentRef(1, "test", "1", "c", name, type.mediaType(), 1, "0".repeat(64), Instant.EPOCH, "u");
	}

}
