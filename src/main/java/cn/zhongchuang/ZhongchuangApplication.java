package cn.zhongchuang;

import cn.zhongchuang.platform.BackupCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhongchuangApplication {

	public static void main(String[] args) throws Exception {
		// java -jar zhongchuang.jar backup DIR | restore DIR (see platform.BackupCommand)
		if (BackupCommand.run(ZhongchuangApplication.class, args)) {
			return;
		}
		SpringApplication.run(ZhongchuangApplication.class, args);
	}

}
