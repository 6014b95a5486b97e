"""Small widgets any feature may use (a date-range filter, progressive building, the file-dialog seam).

They know nothing of a feature, the shell or clerk's services: only ``ui.qt`` (and ``clerk.clock``).
"""
