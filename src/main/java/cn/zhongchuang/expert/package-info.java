/**
 * 评审专家: the bureau's expert pool, review panels drawn at random from it with conflicts of
 * interest excluded (and the reasons recorded), sealed scoring against a pack's scoring
 * sheet, opinions and on-site inspection records with photos. It works on a generic
 * {@link cn.zhongchuang.expert.Subject} that the caller describes; its API is
 * {@link cn.zhongchuang.expert.ExpertPanels}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Expert")
package cn.zhongchuang.expert;
