package org.sunbid.member.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.multipart.MultipartFile;
import org.sunbid.member.Upload;

/** Turns multipart files into the registry's {@link Upload}s. */
final class Uploads {

    private Uploads() {
    }

    static Upload of(String field, MultipartFile file) {
        return new Upload(field, file.getOriginalFilename(), file.getSize(), file::getInputStream);
    }

    static Map<String, Upload> all(Map<String, MultipartFile> files, String except) {
        Map<String, Upload> uploads = new LinkedHashMap<>();
        files.forEach((name, file) -> {
            if (!name.equals(except)) {
                uploads.put(name, of(name, file));
            }
        });
        return uploads;
    }
}
