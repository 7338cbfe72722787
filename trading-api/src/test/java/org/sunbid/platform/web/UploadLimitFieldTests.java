package org.sunbid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

class UploadLimitFieldTests {

    @Test
    void namesTheMultipartFieldWhoseFileBrokeTheContainerLimit() {
        var tomcat = new FileSizeLimitExceededException("too big", 40L << 20, 20L << 20);
        tomcat.setFieldName("qualifications[0].scan");
        var error = new MaxUploadSizeExceededException(20L << 20, new IllegalStateException(tomcat));
        assertThat(ProblemHandling.fieldOf(error)).isEqualTo("qualifications[0].scan");
    }

    @Test
    void namesNoFieldWhenTheContainerDidNotSay() {
        assertThat(ProblemHandling.fieldOf(new MaxUploadSizeExceededException(1))).isNull();
    }
}
