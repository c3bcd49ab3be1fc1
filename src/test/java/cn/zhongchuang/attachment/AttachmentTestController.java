package cn.zhongchuang.attachment;

import java.io.IOException;
import java.io.InputStream;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an owning module's controller does with attachments, for the tests only (owner
 * type {@code test}, category {@code material}, the materials policy).
 */
@RestController
class AttachmentTestController {

	static final String OWNER_TYPE = "test";

	private final Attachments attachments;

	AttachmentTestController(Attachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/test/attachments/{ownerId}")
	AttachmentRef upload(@PathVariable String ownerId, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return this.attachments.store(OWNER_TYPE, ownerId, "material", file.getOriginalFilename(), in,
					file.getSize(), Policy.materials(), user);
		}
	}

	@GetMapping("/test/attachments/{ownerId}/{id}")
	ResponseEntity<Resource> download(@PathVariable String ownerId, @PathVariable long id) {
		return AttachmentDownloads.download(this.attachments.open(OWNER_TYPE, ownerId, id));
	}

}
