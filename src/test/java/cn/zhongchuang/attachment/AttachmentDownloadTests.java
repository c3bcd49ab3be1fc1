package cn.zhongchuang.attachment;

import java.util.UUID;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploading and downloading through a controller, as an owning module would: the bytes
 * come back unchanged and the response cannot be turned against the browser.
 */
@IntegrationTest
class AttachmentDownloadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	TestAccounts.Account operator;

	String owner;

	@BeforeEach
	void setUp() {
		this.operator = this.accounts.create(Role.OPERATOR, "210102");
		this.owner = UUID.randomUUID().toString();
	}

	@Test
	void aPdfWithAChineseNameDownloadsAsAnAttachmentWithFilenameStarAndNosniff() throws Exception {
		byte[] pdf = SampleFiles.pdf();
		long id = upload("营业执照（副本）.pdf", "application/octet-stream", pdf);

		MockHttpServletResponse response = download(id);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(pdf);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getContentLengthLong()).isEqualTo(pdf.length);
		assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"attachment-" + id
				+ ".pdf\"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%EF%BC%88%E5%89%AF%E6%9C%AC%EF%BC%89.pdf");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(AttachmentDownloads.SANDBOX);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void imagesAreShownInlineAndEverythingElseIsAnAttachment() throws Exception {
		long png = upload("现场照片.png", "image/png", SampleFiles.png());
		long jpeg = upload("site.jpg", "image/jpeg", SampleFiles.jpeg());
		long docx = upload("申请书.docx", "application/msword", SampleFiles.docx());
		long xlsx = upload("名单.xlsx", "text/plain", SampleFiles.xlsx());

		assertThat(download(png).getHeader("Content-Disposition")).startsWith("inline; ");
		assertThat(download(png).getContentType()).isEqualTo("image/png");
		assertThat(download(jpeg).getHeader("Content-Disposition"))
			.isEqualTo("inline; filename=\"site.jpg\"; filename*=UTF-8''site.jpg");
		assertThat(download(docx).getHeader("Content-Disposition")).startsWith("attachment; ");
		assertThat(download(docx).getContentType()).isEqualTo(FileType.DOCX.mediaType());
		assertThat(download(xlsx).getHeader("Content-Disposition")).startsWith("attachment; ");
		assertThat(download(xlsx).getContentType()).isEqualTo(FileType.XLSX.mediaType());
	}

	@Test
	void anImageUploadedUnderAWebPageNameDownloadsWithTheImageExtension() throws Exception {
		long id = upload("page.html", "text/html", SampleFiles.png());

		MockHttpServletResponse response = download(id);

		assertThat(response.getContentType()).isEqualTo("image/png");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("inline; filename=\"page.html.png\"; filename*=UTF-8''page.html.png");
	}

	@Test
	void aByteRangeIsServedFromTheStoredContent() throws Exception {
		long id = upload("a.pdf", "application/pdf", SampleFiles.pdf());

		MockHttpServletResponse response = this.mvc
			.perform(get("/test/attachments/{owner}/{id}", this.owner, id).header("Range", "bytes=0-4")
				.with(user(this.operator.principal())))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getContentAsString()).isEqualTo("%PDF-");
		assertThat(response.getContentLengthLong()).isEqualTo(5);
	}

	@Test
	void anotherOwnersAttachmentIsNotFound() throws Exception {
		long id = upload("a.pdf", "application/pdf", SampleFiles.pdf());

		this.mvc
			.perform(get("/test/attachments/{owner}/{id}", "not-" + this.owner, id)
				.with(user(this.operator.principal())))
			.andExpect(status().isNotFound());
	}

	private long upload(String name, String clientType, byte[] content) throws Exception {
		String body = this.mvc
			.perform(multipart("/test/attachments/" + this.owner)
				.file(new MockMultipartFile("file", name, clientType, content))
				.with(user(this.operator.principal()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.uploadedBy").value(this.operator.username()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
	}

	private MockHttpServletResponse download(long id) throws Exception {
		return this.mvc
			.perform(get("/test/attachments/{owner}/{id}", this.owner, id).with(user(this.operator.principal())))
			.andReturn()
			.getResponse();
	}

}
