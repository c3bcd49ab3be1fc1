package cn.zhongchuang;

import cn.zhongchuang.platform.BackupCommand;
import cn.zhongchuang.platform.KeyRotationCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhongchuangApplication {

	public static void main(String[] args) throws Exception {
		// java -jar zhongchuang.jar backup DIR | restore DIR (see platform.BackupCommand)
		if (BackupCommand.run(ZhongchuangApplication.class, args)) {
			return;
		}
		// java -jar zhongchuang.jar rotate-keys [--new-key] (see
		// platform.KeyRotationCommand)
		if (KeyRotationCommand.run(ZhongchuangApplication.class, args)) {
			return;
		}
		SpringApplication.run(ZhongchuangApplication.class, args);
	}

}
