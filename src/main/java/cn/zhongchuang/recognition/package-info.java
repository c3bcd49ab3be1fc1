/**
 * 认定: recognized institutions with their number (gap-free per issuing authority and
 * year), level, date and issuing authority; the certificate PDF with its verification
 * code; the public registry and verification pages. Its API is
 * {@link cn.zhongchuang.recognition.Recognitions#recognize}, which publishes
 * {@link cn.zhongchuang.recognition.Recognitions.InstitutionRecognized}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition")
package cn.zhongchuang.recognition;
